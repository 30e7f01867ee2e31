String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('regoPackages: OK, 2 .rego file(s), no violations under ' + basedir.canonicalPath)
assert log.contains('rego-migrate: dry run, 0 change(s) in 0 of 2 .rego file(s); nothing written')
return true
