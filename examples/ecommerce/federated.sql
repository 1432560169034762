-- Federated queries: orders and order items from DynamoDB (the entity views of
-- examples/ecommerce/tables.json), customer demographics from PostgreSQL (rds.public.customers,
-- loaded from examples/ecommerce/customers.csv). "Last month" is October 2026, the sample's last.

-- Top 3 products sold last month by customer gender.
SELECT gender, productname, units, revenue
FROM (
  SELECT c.gender, i.productname, sum(i.quantity) AS units, sum(i.quantity * i.price) AS revenue,
         row_number() OVER (PARTITION BY c.gender ORDER BY sum(i.quantity * i.price) DESC, i.productname) AS rank_in_gender
  FROM ddb.shop.orders AS o
  JOIN ddb.shop.order_items AS i ON i.orderid = o.orderid
  JOIN rds.public.customers AS c ON c.username = o.username
  WHERE o.createdat >= '2026-10-01' AND o.createdat < '2026-11-01' AND o.status <> 'CANCELLED'
  GROUP BY c.gender, i.productname
) AS ranked
WHERE rank_in_gender <= 3
ORDER BY gender, revenue DESC, productname;

-- Revenue by the customer's city, as the CRM records it.
SELECT c.city, count(*) AS orders, sum(o.amount) AS revenue
FROM ddb.shop.orders AS o
JOIN rds.public.customers AS c ON c.username = o.username
WHERE o.status <> 'CANCELLED'
GROUP BY c.city
ORDER BY revenue DESC, c.city;

-- Orders of the customers who signed up this year (2026): the date predicate is a WHERE clause
-- in PostgreSQL, the orders one Scan of the orders view.
SELECT c.username, c.created_at, c.birth_year, count(*) AS orders, sum(o.amount) AS spent
FROM rds.public.customers AS c
JOIN ddb.shop.orders AS o ON o.username = c.username
WHERE c.created_at >= TIMESTAMP '2026-01-01 00:00:00'
GROUP BY c.username, c.created_at, c.birth_year
ORDER BY spent DESC, c.username
LIMIT 10;
