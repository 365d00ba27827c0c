// The port suite ran against the outside adapter: every test passed, none was skipped.
def log = new File(basedir, 'build.log').text
def summary = (log =~ /Tests run: (\d+), Failures: (\d+), Errors: (\d+), Skipped: (\d+)/)
assert summary.find() : 'no Surefire summary in build.log'
def runs = summary.collect { it }
def last = runs[-1]
assert (last[1] as int) >= 43 : "the port suite ran ${last[1]} tests"
assert last[2] == '0' && last[3] == '0' && last[4] == '0' : "not every test passed: ${last[0]}"
assert log.contains('AcmeCallControlContractTest')
// The port suite brought no Pact, Kotlin or Groovy with it.
def classpath = new File(basedir, 'target/test-classpath.txt').text
['au.com.dius', 'org.jetbrains.kotlin', 'org.apache.groovy', 'io.ktor', 'io.netty', 'com.tngtech.archunit'].each {
  assert !classpath.contains(it) : "the port suite alone brought ${it}"
}
true
