package ssid.codex

allow {
    input.ok
