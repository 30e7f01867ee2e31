import java.nio.file.*

def layout = new GroovyShell().parse(new File(itProjectsDirectory, '_shared/layout.groovy'))
layout.create(basedir)
Path base = basedir.toPath()
Path outside = Files.createDirectories(base.resolve("outside"))
Files.writeString(outside.resolve("keep-me.txt"), "precious\n")
Files.writeString(outside.resolve("token"), "ghp_ItCertifyHostileZk3q9VtY2pLmN8xR4sW7\n")
Files.writeString(outside.resolve("victim-entry"), "victim\n")
Files.writeString(outside.resolve("victim-checkpoint"), "victim\n")

// invocation 2 writes its copies of the entry and checkpoint where these links stand
Path out = Files.createDirectories(base.resolve("target/root24"))
Files.createSymbolicLink(out.resolve("certification.dsse.json"), outside.resolve("victim-entry"))
Files.createSymbolicLink(out.resolve("checkpoint"), outside.resolve("victim-checkpoint"))

// invocation 3's store
Path hostile = Files.createDirectories(base.resolve("store-hostile"))
Files.createSymbolicLink(hostile.resolve(".incoming"), outside)
Files.createSymbolicLink(hostile.resolve("entry-0000000000.dsse.json"), outside.resolve("token"))
// invocation 4's store: entry 0 replaced by something that is not an entry
Path forged = Files.createDirectories(base.resolve("store-forged"))
Files.writeString(forged.resolve("entry-0000000000.dsse.json"), "{}")
return true
