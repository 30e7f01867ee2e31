package ssid.tooling

# café
