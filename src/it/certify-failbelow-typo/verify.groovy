String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains("root24:certify: failBelow 'SILVR' is not a tier (NONE, BRONZE, SILVER, GOLD, PLATINUM; did you mean 'SILVER'?)")
// Refused before anything ran: no score, no chain entry.
assert !log.contains('ROOT24 ')
assert !(log =~ /(?m)^\s+at [a-z]/) : 'a user mistake must not print a stack trace'
return true
