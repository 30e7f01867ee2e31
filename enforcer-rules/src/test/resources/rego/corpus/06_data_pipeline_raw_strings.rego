package ssid.data_pipeline.raw

template := `{ "unbalanced": { "brace"`

query := `
package fake.inside.raw
deny[msg] {
`

deny[msg] {
    contains(input.sql, `{{`)
    msg := `template braces { in input`
}
