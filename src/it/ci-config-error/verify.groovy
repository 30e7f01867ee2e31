String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains("ciReferences: tool 'guard' referencedBy file '../outside.yml' is outside the repository root")
assert !log.contains('Exception in thread')
assert log.contains('BUILD FAILURE')
return true
