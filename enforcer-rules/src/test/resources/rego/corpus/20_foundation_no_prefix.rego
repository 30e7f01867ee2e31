package foundation.rules

allow if input.base
