package ssid.21postquantumcrypto.v6_0

deny[msg] {
    input.algorithm == "rsa"
    msg := "use ML-DSA"
}
