// The build failed on the architecture test, and the one failure names every broken rule and offender.
def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 1, Failures: 1') : 'the architecture test did not fail'
assert log.contains('The hexagon under com.example.telephony breaks 3 of ') : 'not all broken rules in one run'
assert log.contains('the domain (com.example.telephony.domain..) depends on the JDK only')
assert log.contains('the ports (com.example.telephony.ports..) depend on the domain only')
assert log.contains('adapters (com.example.telephony.adapters..) never see each other')
['Caller', 'Handover', 'SipHandover', 'CrmLookup'].each {
  assert log.contains(it) : "the failure does not name ${it}"
}
true
