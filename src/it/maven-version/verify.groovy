// expectedMavenVersion is "3." for the main execution (the Maven 3 running the build) and the
// unpacked Maven 4's version for integration-test-maven4: if mavenHome were ignored, the Maven 4
// run would silently test Maven 3 again, and this fails.
String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('Apache Maven ' + expectedMavenVersion) : "not run by Maven ${expectedMavenVersion}"
assert log.contains('BUILD SUCCESS')
return true
