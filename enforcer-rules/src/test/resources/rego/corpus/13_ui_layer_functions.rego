package ssid.ui_layer.helpers

is_admin(user) {
    user.role == "admin"
}

label(x) = y {
    y := concat(" ", ["user", x])
}

label_v1(x) := y if {
    y := upper(x)
}
