package ssid.weird

allow if input.x ? true
