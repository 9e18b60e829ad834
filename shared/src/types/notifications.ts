export interface NotificationDto {
  id: number;
  /** What happened, e.g. 'order.accepted', 'project.rejected'. */
  kind: string;
  title: string;
  body: string;
  /** Mini-program route to open, e.g. 'pages/order/index?id=12'. */
  link: string | null;
  read: boolean;
  createdAt: string;
}

export interface InboxDto {
  items: NotificationDto[];
  unread: number;
  total: number;
  page: number;
  pageSize: number;
}
