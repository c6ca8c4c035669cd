from . import plan, product, sale_order, sale_order_line, account_move, crons
