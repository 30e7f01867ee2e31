# package wrong.name  <- only a comment
# deny[x] { looks like a rule, but is a comment }
package ssid.governance_legal.contracts # trailing comment with package ssid.other

# allow { also a comment }
allow if {
    input.contract.signed # } a closing brace in a comment
}
