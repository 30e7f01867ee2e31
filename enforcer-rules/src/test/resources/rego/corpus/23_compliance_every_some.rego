package ssid.compliance.checks

import rego.v1

all_signed if {
    every f in input.files {
        f.signed
    }
}

known contains n if {
    some n in {"a", "b", "c"}
}

pairs := {x: y | some x, y in input.map}
