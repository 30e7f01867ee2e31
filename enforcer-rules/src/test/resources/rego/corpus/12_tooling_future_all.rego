package ssid.tooling.hooks

import future.keywords
import data.ssid.tooling.lib

hooks_ok {
    every h in input.hooks { h.enabled }
}
