# detail: in a comment
-- tools/gate.sh
select 1;
