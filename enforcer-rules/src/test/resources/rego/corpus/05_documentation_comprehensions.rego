package ssid.documentation.docs

names := {n | some d in input.docs; n := d.name}

titles = [t | t := input.docs[_].title]

by_name := {d.name: d | d := input.docs[_]}

missing_title[name] {
    d := input.docs[_]
    not d.title
    name := d.name
}

has_docs {
    count({x | x := input.docs[_]}) > 0
}
