// The rules passed the clean hexagon, and brought no Pact, Kotlin or Groovy with them.
def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0') : 'the architecture test did not pass'
def classpath = new File(basedir, 'target/test-classpath.txt').text
['au.com.dius', 'org.jetbrains.kotlin', 'org.apache.groovy', 'io.ktor', 'io.netty'].each {
  assert !classpath.contains(it) : "the architecture rules alone brought ${it}"
}
assert classpath.contains('com.tngtech.archunit:archunit')
def jars = classpath.readLines().findAll { it.trim() ==~ /^[\w.\-]+:[\w.\-]+:jar:.*/ }
println "[verify] the test classpath of a user of the architecture rules has ${jars.size()} jars"
assert jars.size() < 20 : "the architecture rules brought ${jars.size()} jars"
true
