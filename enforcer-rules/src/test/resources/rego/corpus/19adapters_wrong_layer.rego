package ssid.core.v1

allow if input.adapter.trusted
