import java.nio.file.*

Path shared = new File(itProjectsDirectory, "_shared/worm").toPath()
Path base = basedir.toPath()
Path store = Files.createDirectories(base.resolve("store"))
Files.list(shared.resolve("store")).each { Files.copy(it, store.resolve(it.fileName.toString())) }
Files.copy(shared.resolve("it-signing.pub.pem"), base.resolve("it-signing.pub.pem"))

// what the links point at: a directory with a file to lose, a token, a private key, a victim
Path outside = Files.createDirectories(base.resolve("outside"))
Files.writeString(outside.resolve("keep-me.txt"), "precious\n")
Files.writeString(outside.resolve("token"), "ghp_ItHostileLinksZk3q9VtY2pLmN8xR4sW7uB1\n")
Files.writeString(outside.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIItHostileLinksKeyMaterialXXXXXXXXXXXXXXXX\n-----END PRIVATE KEY-----\n")
Files.writeString(outside.resolve("victim.txt"), "victim\n")

Files.createSymbolicLink(store.resolve(".incoming"), outside)
Files.createSymbolicLink(store.resolve(".lock"), outside.resolve("lock-created-outside"))
Files.createSymbolicLink(store.resolve("entry-0000000003.dsse.json"), outside.resolve("token"))
Files.delete(store.resolve("checkpoint"))
Files.createSymbolicLink(store.resolve("checkpoint"), outside.resolve("key.pem"))
Path out = Files.createDirectories(base.resolve("target/root24"))
Files.createSymbolicLink(out.resolve("chain-verification.json"), outside.resolve("victim.txt"))
return true
