// detail is in the name
// exec('bash tools/gate.sh')
/* exec('bash tools/gate.sh') */
console.log('x')
