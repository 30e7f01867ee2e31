# Seed-style policy: pre-1.0 syntax and a squashed module name.
package ssid.01ailayer.v6_0

deny[msg] {
    input.model.unsigned
    msg := "model must be signed"
}

violation[msg] {
    not input.model.card
    msg := sprintf("model %s has no card", [input.model.name])
}

allow {
    count(deny) == 0
}
