package ssid.datasets

import rego.v1

deny[msg] {
    not input.dataset.license
    msg := "dataset without licence"
}
