String log = new File(basedir, 'build.log').getText('UTF-8')
assert log =~ /\[ERROR\] Failed to execute goal .*verify-chain .*/broken\.pub\.pem: truncated or malformed PEM/
assert !log.contains('\tat ') // no stack trace
return true
