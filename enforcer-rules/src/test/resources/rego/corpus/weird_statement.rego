package ssid.weird

allow maybe {
    true
}
