package ssid.deployment

tier := "gold" if {
    input.score >= 85
} else := "silver" if {
    input.score >= 70
} else := "none"
