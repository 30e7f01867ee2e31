const re = /a\/\/b/; exec('bash tools/gate.sh');
