# detail: in a comment
REM bash tools/gate.sh
:: tools/gate.sh
echo done
