package ssid.24metaorchestration.gates # legacy name

import future.keywords.if

gate_open if input.gate.state == "open"
