package common.lib

helper := 1
