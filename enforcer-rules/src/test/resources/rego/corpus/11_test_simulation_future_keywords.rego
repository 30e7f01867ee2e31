package ssid.test_simulation.keywords

import future.keywords.if
import future.keywords.in
import future.keywords.contains

deny contains msg if {
    some t in input.tests
    t.flaky
    msg := sprintf("flaky test %s", [t.name])
}

skipped[name] if {
    some t in input.tests
    t.skipped
    name := t.name
}

ok if count(deny) == 0
