package ssid.infra.net

deny[msg] {
    msg := "this string never ends
}
