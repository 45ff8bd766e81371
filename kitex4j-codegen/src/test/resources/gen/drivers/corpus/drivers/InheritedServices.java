package drivers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kitex4j.client.Client;
import io.kitex4j.example.base.Base;
import io.kitex4j.example.base.BaseResp;
import io.kitex4j.example.base.ErrorCode;
import io.kitex4j.example.base.Paging;
import io.kitex4j.example.base.ServiceException;
import io.kitex4j.example.order.LineItem;
import io.kitex4j.example.order.Order;
import io.kitex4j.example.order.OrderAuditService;
import io.kitex4j.example.order.OrderRejected;
import io.kitex4j.example.order.OrderService;
import io.kitex4j.example.shared.HealthService;
import io.kitex4j.example.user.AdminUserService;
import io.kitex4j.example.user.GetUserReq;
import io.kitex4j.example.user.GetUserResp;
import io.kitex4j.example.user.ListUsersReq;
import io.kitex4j.example.user.ListUsersResp;
import io.kitex4j.example.user.User;
import io.kitex4j.example.user.UserNotFound;
import io.kitex4j.example.user.UserService;
import io.kitex4j.rpcinfo.PayloadProtocol;
import io.kitex4j.rpcinfo.TransportProtocol;
import io.kitex4j.server.Server;
import io.kitex4j.service.MethodDescriptor;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Services with {@code extends}, across included files and packages. */
public final class InheritedServices {
    private InheritedServices() {}

    public static void descriptorsListInheritedFunctionsRootBaseFirst() {
        List<String> names = new ArrayList<>();
        for (MethodDescriptor<?, ?> m : OrderAuditService.DESCRIPTOR.methods()) {
            names.add(m.name());
        }
        assertThat(names).containsExactly("healthy", "GetUser", "ListUsers", "Touch", "BanUser", "RestoreUser",
                "PlaceOrder", "GetOrder", "ListOrders", "Cancel", "Audit");
        assertThat(OrderAuditService.DESCRIPTOR.method("healthy")).isSameAs(HealthService.HEALTHY);
        assertThat(OrderAuditService.DESCRIPTOR.method("Touch")).isSameAs(UserService.TOUCH);
        assertThat(OrderAuditService.DESCRIPTOR.method("Touch").isOneway()).isTrue();
        assertThat(OrderAuditService.DESCRIPTOR.packageName()).isEqualTo("order");
        assertThat(UserService.DESCRIPTOR.packageName()).isEqualTo("kitex.example.user");
        assertThat(OrderAuditService.Iface.class.getInterfaces()).containsExactly(OrderService.Iface.class);
        assertThat(OrderService.Iface.class.getInterfaces()).containsExactly(AdminUserService.Iface.class);
        assertThat(UserService.AsyncIface.class.getInterfaces()).containsExactly(HealthService.AsyncIface.class);
    }

    /** The most derived service, implemented once: every inherited function delegates to it. */
    static final class Impl implements OrderAuditService.Iface {
        final CountDownLatch oneways = new CountDownLatch(2);

        @Override
        public boolean healthy(Base base) throws ServiceException {
            if ("sick".equals(base.getCaller())) {
                throw new ServiceException().setCode(ErrorCode.UNAVAILABLE).setMessage("sick");
            }
            return true;
        }

        @Override
        public GetUserResp GetUser(GetUserReq req) throws ServiceException, UserNotFound {
            if (req.getId() < 0) {
                throw new UserNotFound().setId(req.getId());
            }
            return new GetUserResp().setUser(new User().setId(req.getId()).setName("user" + req.getId())).setBaseResp(new BaseResp());
        }

        @Override
        public ListUsersResp ListUsers(ListUsersReq req) {
            return new ListUsersResp().setUsers(List.of()).setTotal(req.getPaging().getLimit()).setBaseResp(new BaseResp());
        }

        @Override
        public void Touch(long id, long at) {
            oneways.countDown();
        }

        @Override
        public void BanUser(long id, String reason) throws ServiceException {
            if (id == 0) {
                throw new ServiceException().setCode(ErrorCode.INVALID_ARGUMENT);
            }
        }

        @Override
        public void RestoreUser(long id) {}

        @Override
        public Order PlaceOrder(long buyerId, List<LineItem> items) throws OrderRejected {
            if (items.isEmpty()) {
                throw new OrderRejected().setReason("empty");
            }
            return new Order().setId(buyerId * 10).setBuyer(new User().setId(buyerId).setName("b")).setItems(items);
        }

        @Override
        public Order GetOrder(long id) {
            return new Order().setId(id).setBuyer(new User().setId(1).setName("b"));
        }

        @Override
        public List<Order> ListOrders(long buyerId, Paging paging) {
            return List.of(GetOrder(paging.getOffset()));
        }

        @Override
        public void Cancel(long id) {
            oneways.countDown();
        }

        @Override
        public List<Order> Audit(long since) {
            return List.of(GetOrder(since), GetOrder(since + 1));
        }
    }

    public static void inheritedFunctionsWorkAgainstALiveServer() throws Exception {
        Impl impl = new Impl();
        Server server = Server.builder()
                .address(new InetSocketAddress("127.0.0.1", 0))
                .service(OrderAuditService.definition(impl))
                .build();
        InetSocketAddress addr = server.start();
        try (Client c = Client.builder(OrderAuditService.DESCRIPTOR)
                .hostPorts(addr.getHostString() + ":" + addr.getPort())
                .payloadProtocol(PayloadProtocol.THRIFT_BINARY)
                .transportProtocol(TransportProtocol.TTHEADER_FRAMED)
                .rpcTimeout(Duration.ofSeconds(10))
                .build()) {
            OrderAuditService.Stub stub = new OrderAuditService.Stub(c);
            assertThat(stub.healthy(new Base())).isTrue();
            assertThatThrownBy(() -> stub.healthy(new Base().setCaller("sick")))
                    .isInstanceOf(ServiceException.class).hasMessage("sick");
            assertThat(stub.GetUser(new GetUserReq().setId(7)).getUser().getName()).isEqualTo("user7");
            assertThatThrownBy(() -> stub.GetUser(new GetUserReq().setId(-1))).isInstanceOf(UserNotFound.class);
            assertThat(stub.ListUsers(new ListUsersReq()).getTotal()).as("default paging limit 50").isEqualTo(50);
            stub.BanUser(1, "spam");
            assertThatThrownBy(() -> stub.BanUser(0, "none")).isInstanceOf(ServiceException.class);
            stub.RestoreUser(1);
            assertThat(stub.PlaceOrder(3, List.of(new LineItem().setSku("s").setUnitPrice(new io.kitex4j.example.shared.Money()))).getId())
                    .isEqualTo(30);
            assertThatThrownBy(() -> stub.PlaceOrder(3, List.of())).isInstanceOf(OrderRejected.class);
            assertThat(stub.ListOrders(1, new Paging(5, 1))).extracting(Order::getId).containsExactly(5L);
            assertThat(stub.Audit(100)).extracting(Order::getId).containsExactly(100L, 101L);
            assertThat(stub.AuditAsync(1).get(10, TimeUnit.SECONDS)).hasSize(2);
            assertThatThrownBy(() -> stub.GetUserAsync(new GetUserReq().setId(-5)).join())
                    .isInstanceOf(CompletionException.class).cause().isInstanceOf(UserNotFound.class);
            stub.Touch(1, 2);
            stub.CancelAsync(9).get(10, TimeUnit.SECONDS);
            assertThat(impl.oneways.await(10, TimeUnit.SECONDS)).isTrue();
            // The same server, seen through a base service's stub: not the same descriptor, so refused.
            assertThatThrownBy(() -> new UserService.Stub(c)).isInstanceOf(IllegalArgumentException.class);
        } finally {
            server.stop();
        }
    }
}
