String log = new File(basedir, 'build.log').getText('UTF-8')
['root24Lock', 'ciReferences', 'regoPackages'].each { rule ->
    assert log.count("[INFO] ${rule} skipped (root24.skip)") == 1 : "${rule} did not say it was skipped"
}
assert log.contains('root24:certify skipped (root24.skip)')
// Skipped means nothing ran: no verdict, no report, no chain entry.
assert !log.contains('ROOT-24-LOCK:')
assert !log.contains('ROOT24 ')
assert !new File(basedir, 'target/root24').exists()
assert log.contains('BUILD SUCCESS')
return true
