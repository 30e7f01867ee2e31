package ssid.03core.authz

default decision = "deny"

decision = "allow" {
    input.user.admin
} else = "review" {
    input.user.reviewer
} else = "deny" {
    true
}

level := 3 {
    input.high
}
else := 1 {
    input.low
}
