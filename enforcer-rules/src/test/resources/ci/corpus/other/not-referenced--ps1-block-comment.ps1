# detail: in a comment
<#
& bash tools/gate.sh
#>
Write-Host done
