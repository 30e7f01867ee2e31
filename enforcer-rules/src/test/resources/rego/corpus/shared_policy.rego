package ssid.shared.lib

is_string(x) if is_string(x)
