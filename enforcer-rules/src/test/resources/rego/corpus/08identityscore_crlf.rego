package ssid.08identityscore.score

deny[msg] {
    input.score < 0
    msg := "negative score"
}

valid {
    input.score >= 0
}
