# This file forgot its package statement.
import rego.v1

allow if input.identity.verified
