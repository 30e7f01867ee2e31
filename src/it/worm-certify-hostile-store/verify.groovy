import java.nio.file.*

List<String> runs = new File(basedir, 'build.log').getText('UTF-8').split(/\[INFO\] Scanning for projects\.\.\./).drop(1)
assert runs.size() == 3 : "expected 3 invocations, found ${runs.size()}"
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
assert runs[2].contains('.incoming: a symbolic link where the store\'s own directory belongs')
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
return true
