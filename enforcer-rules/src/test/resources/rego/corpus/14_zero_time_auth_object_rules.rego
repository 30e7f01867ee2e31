package ssid.zero_time_auth

default allow = false

max_age = 300

token_age[id] = age {
    t := input.tokens[_]
    id := t.id
    age := time.now_ns() - t.issued
}
