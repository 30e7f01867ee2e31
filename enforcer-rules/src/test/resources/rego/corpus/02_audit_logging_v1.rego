package ssid.audit_logging.v1

deny contains msg if {
    input.log.retention_days < 365
    msg := "retention below one year"
}

allow if {
    count(deny) == 0
}

allow_short if input.log.retention_days > 10
