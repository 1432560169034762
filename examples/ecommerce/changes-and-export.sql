-- Run by the demo against moto_server (DynamoDB Streams and S3 beside DynamoDB), when it is installed.

-- What changed in the table: every modify and remove its stream still holds (24 hours), with the
-- status before and after. DynamoDB Streams GetRecords calls, no read capacity.
SELECT event_name, pk, sk, old_image.status AS old_status, new_image.status AS new_status
FROM "lambda:ddb"."default"."ecommerce$changes"
WHERE event_name <> 'INSERT'
ORDER BY sequence_number;

-- Orders by status as the newest full export to S3 holds them (before the changes above):
-- S3 GetObject calls, 0 read capacity units.
SELECT status, count(*) AS orders, sum(amount) AS revenue, max(export_time) AS exported_at
FROM "lambda:ddb"."default"."ecommerce$export"
WHERE type = 'Order'
GROUP BY status
ORDER BY status;
