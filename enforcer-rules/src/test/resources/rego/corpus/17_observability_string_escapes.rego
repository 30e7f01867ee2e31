package ssid.observability.alerts

message := "braces \"{\" and a # hash are not code"

deny[msg] {
    input.alert == "{"
    msg := "open brace alert \\"
}
