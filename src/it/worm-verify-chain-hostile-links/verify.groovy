import java.nio.file.*
import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').getText('UTF-8')
Path base = basedir.toPath()
assert log.contains('[ERROR] root24: FAIL (.incoming): is a symbolic link')
assert log.contains('[ERROR] root24: FAIL (.lock): is a dangling symbolic link')
assert log.contains('[ERROR] root24: FAIL (checkpoint): is a symbolic link')
assert log.contains('[ERROR] root24: FAIL entry 3 (entry-0000000003.dsse.json): is a symbolic link: store files are never followed')
assert log.contains('BUILD FAILURE')

Path report = base.resolve('target/root24/chain-verification.json')
assert Files.isRegularFile(report, LinkOption.NOFOLLOW_LINKS) : 'the output link was not replaced'
assert Files.readString(base.resolve('outside/victim.txt')) == 'victim\n' : 'written through the output link'
assert new JsonSlurper().parse(report.toFile()).outcome == 'FAIL'
assert Files.notExists(base.resolve('outside/lock-created-outside'))
assert Files.readString(base.resolve('outside/keep-me.txt')) == 'precious\n'

[log, Files.readString(report)].each { text ->
    assert !text.contains('ghp_ItHostileLinks') : 'the token was printed'
    assert !text.contains('MC4CAQAw') : 'the private key was printed'
}
return true
