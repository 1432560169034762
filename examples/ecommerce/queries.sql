-- What the single table holds: one row per entity type.
SELECT type, count(*) AS items
FROM "lambda:ddb"."default"."ecommerce"
GROUP BY type
ORDER BY type;

-- One customer, by primary key (PK = SK = CUSTOMER#<username>).
SELECT username, name, c.address.city AS city, interests, totalorders, totalspent
FROM ddb.default.ecommerce AS c
WHERE pk = 'CUSTOMER#ada_lovelace_000' AND sk = 'CUSTOMER#ada_lovelace_000';

-- Orders by status ("status" is a DynamoDB reserved word).
SELECT status, count(*) AS orders, sum(amount) AS revenue
FROM ddb.default.ecommerce
WHERE type = 'Order'
GROUP BY status
ORDER BY revenue DESC;

-- Top 5 products sold in October 2026: order items joined to their orders, two slices of one table.
SELECT i.productname, sum(i.quantity) AS units, sum(i.quantity * i.price) AS revenue
FROM ddb.default.ecommerce AS o
JOIN ddb.default.ecommerce AS i ON i.pk = 'ORDER#' || o.orderid
WHERE o.type = 'Order' AND i.type = 'OrderItem'
  AND o.status <> 'CANCELLED'
  AND o.createdat >= '2026-10-01' AND o.createdat < '2026-11-01'
GROUP BY i.productname
ORDER BY revenue DESC
LIMIT 5;

-- Monthly revenue of the last six months.
SELECT substring(createdat FROM 1 FOR 7) AS yearmonth, count(*) AS orders, sum(amount) AS revenue
FROM ddb.default.ecommerce
WHERE type = 'Order' AND status <> 'CANCELLED' AND createdat >= '2026-05-01'
GROUP BY substring(createdat FROM 1 FOR 7)
ORDER BY yearmonth;

-- The five biggest spenders (GSI1 holds exactly the customers who ordered).
SELECT username, city, totalspent
FROM (SELECT username, c.address.city AS city, totalspent, gsi1pk FROM ddb.default.ecommerce AS c) AS customers
WHERE gsi1pk = 'CUSTOMER'
ORDER BY totalspent DESC
LIMIT 5;
