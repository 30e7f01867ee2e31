package ssid.data_layer.schemas

deny[{
    "msg": msg,
    "severity": "high",
}] {
    input.schema.version < 2
    msg := "schema too old"
}
