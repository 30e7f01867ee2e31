import java.nio.file.*

List<String> runs = new File(basedir, 'build.log').getText('UTF-8').split(/\[INFO\] Scanning for projects\.\.\./).drop(1)
assert runs.size() == 4 : "expected 4 invocations, found ${runs.size()}"
Path base = basedir.toPath()

// 1: a relative store may not leave the repository
assert runs[0].contains("wormStore '../worm-certify-hostile-store-escaped' is outside the repository root")
assert Files.notExists(base.resolve('../worm-certify-hostile-store-escaped'))

// 2: the copies replace the links; their targets are untouched
assert runs[1].contains('WORM entry 0 (unsigned')
['certification.dsse.json', 'checkpoint'].each {
    assert Files.isRegularFile(base.resolve("target/root24/${it}"), LinkOption.NOFOLLOW_LINKS) : "${it} still a link"
}
assert Files.readString(base.resolve('outside/victim-entry')) == 'victim\n'
assert Files.readString(base.resolve('outside/victim-checkpoint')) == 'victim\n'

// 3: the linked .incoming is refused, nothing in its target is deleted, the token is never printed
// (the verification before the append already fails, so certify refuses before touching the store)
assert runs[2].contains('not appending to ')
assert Files.readString(base.resolve('target/root24/chain-verification.json'))
        .contains('is a symbolic link where the store\'s own directory belongs: an append would write through it')
assert runs[2].contains('BUILD FAILURE')
assert Files.readString(base.resolve('outside/keep-me.txt')) == 'precious\n'
assert Files.readString(base.resolve('outside/token')).startsWith('ghp_')
assert Files.list(base.resolve('outside')).withCloseable { it.count() } == 4 : 'a temporary entry was written outside the store'
String log = runs[2]
['report.json', 'report.md', 'report.sarif', 'chain-verification.json'].each {
    String text = Files.readString(base.resolve("target/root24/${it}"))
    assert !text.contains('ghp_ItCertifyHostile') : "the token reached ${it}"
}
assert !log.contains('ghp_ItCertifyHostile') : 'the token reached the log'
assert new File(basedir, 'target/root24/chain-verification.json').text.contains('is a symbolic link')

// 4: a chain that fails verification is not extended: reports are written, no entry is added
assert runs[3].contains('not appending to ')
assert runs[3].contains('its chain fails verification (FAIL entry 0 (entry-0000000000.dsse.json)')
assert runs[3].contains('new, empty directory')
assert Files.notExists(base.resolve('store-forged/entry-0000000001.dsse.json'))
assert Files.notExists(base.resolve('store-forged/checkpoint'))
assert Files.isRegularFile(base.resolve('target/root24-forged/report.json'))
return true
