String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('root24Lock: 23_compliance/exceptions/root_level_exceptions.yaml:')
assert log.contains('invalid YAML')
assert log.contains('BUILD FAILURE')
// A user mistake gives a message, not a Java stack trace.
assert !log.contains('\tat dev.root24.') && !log.contains('at dev.root24.')
return true
